"""The admin's start page per person: what is waiting for *you*, with a link to where it is done.

``work`` holds the plain queries (one function per item of work); ``panels``
turns them into Wagtail home-page panels for a partner's people and for the
coordinators.
"""
