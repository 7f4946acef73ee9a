"""The accessibility statement: what was measured, read from the results the tools wrote."""
