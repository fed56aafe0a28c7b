"""The catalogue of CMS styles, in the order sites are numbered.

The first six are the shapes the brief requires; WordPress is the seventh.
Beyond seven sites the styles repeat with new ids (``nukeviet-2``...).
"""

from __future__ import annotations

from sampleweb.aspnet import AspNet
from sampleweb.cms import CmsStyle
from sampleweb.drupal import Drupal
from sampleweb.joomla import Joomla
from sampleweb.liferay import Liferay
from sampleweb.nukeviet import NukeViet
from sampleweb.websphere import WebSphere
from sampleweb.wordpress import WordPress

STYLES: tuple[type[CmsStyle], ...] = (
    NukeViet,
    Liferay,
    WebSphere,
    Drupal,
    Joomla,
    AspNet,
    WordPress,
)
