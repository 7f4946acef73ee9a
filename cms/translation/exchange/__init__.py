"""Exchange with translation agencies: a selection of texts out as XLIFF, the agency's file back in.

``segments`` says which texts exist and how each is addressed (a stable id:
object + field); ``xliff`` reads and writes the files (XLIFF 1.2 and 2.0,
through translate-toolkit); ``checks`` judges an incoming translation;
``importing`` applies a whole file, or nothing. ``manage.py translations``
and the admin's download/upload views are the two ways in.
"""
