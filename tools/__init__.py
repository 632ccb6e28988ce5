"""The editions tool, python3 -m tools: see __main__.py."""
