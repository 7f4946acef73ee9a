"""Accounts of the admin's users: two-factor authentication and inviting partner members.

Password rules (``AUTH_PASSWORD_VALIDATORS``) and the login lockout
(django-axes) are configured in ``hub/settings/base.py``.
"""
