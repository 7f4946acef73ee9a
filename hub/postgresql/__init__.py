"""Django's PostgreSQL backend with a health check that asks the server only when in doubt
(``hub.postgresql.base``); ``DATABASES`` names it for every PostgreSQL URL."""
