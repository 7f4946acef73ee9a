"""Posters (A4) and flyers (A6) to print: migrants who are invisible online are reached on paper.

``content`` gathers what a poster says per language (what, when, where, cost,
how to join) for an activity, guide, survey or the contact point; ``render``
lays one to three languages side by side with a QR code of the short link and
prints it to PDF with WeasyPrint; ``views`` serves it at one address per
object (``poster_url`` in the API).
"""
