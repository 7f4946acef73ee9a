"""Guides read aloud: the text as a person would say it, and its small audio file per language."""
