"""Helpers for the article's modules that are not the article's code: see files.py."""
