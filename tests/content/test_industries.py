"""Industries (site_config/industries.yaml) speak every language of the site: name and description."""

from __future__ import annotations

from journeymaps.pages.home import home_page, industry_page
from journeymaps.pages.site import context_of


def test_every_industry_is_named_and_described_in_every_language(project) -> None:
    vocab = project.vocabulary
    for ind in vocab.industries:
        for lang in vocab.settings.languages:
            assert lang in ind.names, (ind.id, lang)
            assert isinstance(ind.description, dict) and ind.description.get(lang), (ind.id, lang)
        assert len({ind.describe(lang) for lang in vocab.settings.languages}) == len(vocab.settings.languages)


def test_the_fitness_industry_keeps_health_in_every_language(project) -> None:
    # Issue 15: the zh and pl names had dropped "health".
    fitness = project.vocabulary.industry("fitness")
    assert "health" in fitness.name("en").lower()
    assert "健康" in fitness.name("zh") and "zdrow" in fitness.name("pl").lower()


def test_the_home_and_industry_pages_describe_in_the_readers_language(project) -> None:
    zh = context_of(project, lang="zh")
    assert "按订阅收费的健康与健身应用。" in home_page(zh).data().decode("utf-8")
    pl = industry_page("banking", context_of(project, lang="pl")).data().decode("utf-8")
    assert "Banki cyfrowe" in pl and "Digital banks" not in pl


def test_a_single_description_reads_as_english_in_every_language(project) -> None:
    stage = project.vocabulary.stages[0]
    assert isinstance(stage.description, str)
    assert stage.describe("zh") == stage.describe("en") == stage.description
