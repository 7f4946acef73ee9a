"""The platform's glossary: Dutch terms migrants meet on letters and websites, explained plainly.

The model, its approved translations (what translators must write for a term),
the links from guide texts to the glossary page and the check that warns a
translator whose text uses another word than the approved one.
"""
