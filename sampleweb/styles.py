"""The catalogue of CMS styles, in the order sites are numbered.

The first six are the shapes the brief requires; WordPress is the seventh.
Beyond seven sites the styles repeat with new ids (``nukeviet-2``...).
"""

from __future__ import annotations

from sampleweb.cms.aspnet import AspNet
from sampleweb.cms.drupal import Drupal
from sampleweb.cms.joomla import Joomla
from sampleweb.cms.liferay import Liferay
from sampleweb.cms.nukeviet import NukeViet
from sampleweb.cms.websphere import WebSphere
from sampleweb.cms.wordpress import WordPress
from sampleweb.core.site import CmsStyle

STYLES: tuple[type[CmsStyle], ...] = (
    NukeViet,
    Liferay,
    WebSphere,
    Drupal,
    Joomla,
    AspNet,
    WordPress,
)
