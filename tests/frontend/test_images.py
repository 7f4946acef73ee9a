"""Images come as Wagtail renditions: sized, lazy, and in the page's Open Graph tags."""

import re
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image

from cms.models import ActivityPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(content):
    buffer = BytesIO()
    PillowImage.new("RGB", (1600, 900), (30, 120, 60)).save(buffer, "JPEG")
    image = Image.objects.create(title="Team photo", file=ImageFile(buffer, name="team.jpg"))
    page = ActivityPage.objects.get(slug="gemengd-voetbal")
    page.image = image
    page.save_revision().publish()
    return image


def test_activity_image_is_lazy_and_sized(site, photo):
    html = site.html("/pl/activiteiten/gemengd-voetbal/")
    img = re.search(r"<img [^>]+>", html).group(0)
    assert 'loading="lazy"' in img
    assert 'width="800"' in img and 'height="450"' in img
    assert 'alt="Team photo"' in img
    assert re.search(r'<meta property="og:image" content="http://127.0.0.1:8000/[^"]+\.jpg">', html)
    assert '<meta name="twitter:card" content="summary_large_image">' in html
