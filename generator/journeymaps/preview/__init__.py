"""Pull-request previews: build a pull request's maps as data (``build``), check the site it
uploads as untrusted data (``artifact``) and publish it on the gh-pages branch (``deploy``).

Nothing is imported here: ``deploy`` and ``artifact`` use only the standard library, so the
publishing job runs them from a checkout without installing the package and its dependencies.
"""
