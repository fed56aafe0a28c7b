"""The catalogue of CMS styles, in the order sites are numbered.

The first six are the shapes the brief requires; WordPress is the seventh.
Beyond seven sites the styles repeat with new ids (``nukeviet-2``...).
"""

from __future__ import annotations

from archive.sampleweb.aspnet import AspNet
from archive.sampleweb.cms import CmsStyle
from archive.sampleweb.drupal import Drupal
from archive.sampleweb.joomla import Joomla
from archive.sampleweb.liferay import Liferay
from archive.sampleweb.nukeviet import NukeViet
from archive.sampleweb.websphere import WebSphere
from archive.sampleweb.wordpress import WordPress

STYLES: tuple[type[CmsStyle], ...] = (
    NukeViet, Liferay, WebSphere, Drupal, Joomla, AspNet, WordPress,
)
