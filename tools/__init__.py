"""Tools about the article's code (not part of it): see editions.py."""
