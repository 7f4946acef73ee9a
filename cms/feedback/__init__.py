"""'Was this clear?': anonymous feedback per guide or activity and language."""
