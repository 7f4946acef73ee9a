"""Index an object once per bulk import, not once per save (see ``deferral``)."""
