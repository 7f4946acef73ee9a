"""Venues: the places activities are held again and again (a sports hall, the library)."""
