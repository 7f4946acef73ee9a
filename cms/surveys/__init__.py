"""Needs surveys: answering (``answers``), results (``results``), QR codes (``qr``) and the admin.

The models are in ``cms.models.surveys``; this package holds the rules.
"""
