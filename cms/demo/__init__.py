"""The demo municipality: its content file, and the surveys the import format does not carry."""
