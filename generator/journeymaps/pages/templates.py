"""Pages from Jinja2 templates that a site can override from its ``theme/journeymaps/`` folder.

The page builders hand a template typed view data (dataclasses); the template only arranges
it. Map text is data: every ``{{ value }}`` is escaped as inline Markdown (``core.escape.inline``)
unless it is ``Markdown`` already (a fragment we built, map text escaped inside it), or the
template chose another context with a filter (``|attr``, ``|html_text``, ``|url_path``, ``|code``). A
template that forgets a filter shows map text as typed; it can never run it. A site's templates
run sandboxed: they come from its repository and may arrive in a pull request. Comments are ``{## ##}``
because ``{#id}`` is Markdown's heading anchor. A site template that extends a default one
names it ``default/<name>`` (``{% extends "default/map_page.md" %}``) and overrides blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined, TemplateError
from jinja2 import TemplateSyntaxError, pass_context
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup

from ..core.escape import attr, code_line, html_text, inline, url_path

DEFAULTS = Path(__file__).parent / "templates"
OVERRIDES = Path("theme") / "journeymaps"  # inside the project, next to Material's overrides


Markdown = Markup
"""Text that is Markdown already: a fragment a page builder made, map text escaped inside it.
(Jinja's autoescaping machinery carries the mark; our escaping is Markdown's, not HTML's.)"""

# The escape helpers, as filters: each says which context the value lands in, and marks it done.
FILTERS: dict[str, Callable[[Any], Markup]] = {
    "inline": lambda v: Markup(inline(v)),
    "attr": lambda v: Markup(attr(v)),
    "html_text": lambda v: Markup(html_text(v)),
    "url_path": lambda v: Markup(url_path(str(v))),
    "code": lambda v: Markup(code_line(v)),
}


@pass_context
def _aside(context: Any, html: Any) -> Markup:
    """``{% filter aside %}raw HTML{% endfilter %}``: a large block of raw HTML that the page keeps
    beside its Markdown and an engine puts back last (pages.model.Pictures.aside), so neither the
    Markdown converter nor the search indexer reads it. Unchanged where the page keeps no pictures."""
    holder = context.get("_aside")
    text = str(html)
    if holder is None:
        return Markup(text)
    body = text.rstrip("\n")
    return Markup(holder.aside(body) + text[len(body):])


def _finalize(value: Any) -> Markup:
    """Every printed value: ours and numbers as they are, anything else (map text) as inline text."""
    if isinstance(value, Markup):
        return value
    # A number cannot carry syntax where a template puts it ("1.5" is no list item mid-line).
    return Markup(value) if isinstance(value, (int, float)) else Markup(inline(value))


class TemplateProblem(Exception):
    """A page template that does not render: where, what is wrong, and what to do."""


def _environment(override: Path | None) -> Environment:
    defaults = FileSystemLoader(DEFAULTS)
    loaders: list[BaseLoader] = [FileSystemLoader(override)] if override is not None else []
    loader = ChoiceLoader([*loaders, defaults, PrefixLoader({"default": defaults})])
    # A site's templates may come in a pull request: they run sandboxed. Ours alone are trusted
    # code, and render in about half the time without the sandbox's checks on every attribute.
    kind = SandboxedEnvironment if override is not None else Environment
    env = kind(loader=loader, autoescape=True, finalize=_finalize, undefined=StrictUndefined,
               trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
               comment_start_string="{##", comment_end_string="##}")
    env.filters.update(FILTERS)
    env.filters["aside"] = _aside
    return env


@dataclass(frozen=True)
class Templates:
    """The templates of one site: its overrides first, then the defaults shipped with journeymaps."""

    override: Path | None = None
    _env: Environment = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # One environment per site: it caches compiled templates (and reloads a changed file).
        object.__setattr__(self, "_env", _environment(self.override))

    @classmethod
    def for_project(cls, root: Path) -> Templates:
        folder = root / OVERRIDES
        return cls(folder if folder.is_dir() else None)

    def render(self, name: str, w: Callable[[str], str], *, aside: Any = None, **values: Any) -> str:
        """The Markdown of a page body; ``w(key)`` gives the catalogue's labels in the page's language
        (our own words: Markdown as they stand). ``aside``: the page's pictures, which keep what the
        template sets aside (the ``aside`` filter)."""
        try:
            text = self._env.get_template(name).render(w=lambda key: Markup(w(key)), _aside=aside, **values)
        except TemplateError as exc:
            raise TemplateProblem(self._explain(name, exc)) from None
        return text[:-1] if text.endswith("\n") else text

    def _explain(self, name: str, exc: TemplateError) -> str:
        path, line = self._where(name, exc)
        what = ("uses something page templates may not (they run sandboxed)" if isinstance(exc, SecurityError)
                else exc.message or type(exc).__name__)
        hint = (f"fix it, or delete it to use the default template {name}" if path.startswith(str(OVERRIDES))
                else "this is a bug in journeymaps; report it")
        return f"{path}:{line}: page template error: {what}\n  {hint}"

    def _where(self, name: str, exc: TemplateError) -> tuple[str, int]:
        """The template file and line: Jinja puts template frames into the traceback."""
        if isinstance(exc, TemplateSyntaxError) and exc.filename:
            return self._display(exc.filename), exc.lineno
        tb, found = exc.__traceback__, ("", 0)
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if filename.endswith(".md") and Path(filename).is_file():
                found = (self._display(filename), tb.tb_lineno)
            tb = tb.tb_next
        return found if found[0] else (name, 1)

    def _display(self, filename: str) -> str:
        path = Path(filename)
        if self.override is not None and path.is_relative_to(self.override):
            return (OVERRIDES / path.relative_to(self.override)).as_posix()
        return path.name
