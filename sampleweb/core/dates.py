"""Date strings exactly as the school CMSs print them (registry notes §3).

Each function takes a local (+07:00) datetime and returns the page text, so
the extractor meets the real variety: weekday names, ``Tháng 9``, 12-hour
clocks, time-first portals, dotted dates and unpadded numbers.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime

VN = timezone(timedelta(hours=7), "ICT")
WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


def weekday(day: date, capital: bool = False) -> str:
    """``Thứ năm``; ``Thứ Năm`` as on Lạng Sơn when ``capital``."""
    name = WEEKDAYS[day.weekday()]
    return name.title() if capital and name != "Chủ nhật" else name


def iso(moment: datetime) -> str:
    """``2021-07-01T22:50:00+07:00``: the ground truth ``published_at``."""
    return moment.isoformat(timespec="seconds")


def today_widget(day: date) -> str:
    """The header widget printing today's date: ``Thứ bảy, 21/11/2026``."""
    return f"{weekday(day)}, {day:%d/%m/%Y}"


def nukeviet(moment: datetime) -> str:
    return f"{weekday(moment)} - {moment:%d/%m/%Y %H:%M}"


def liferay(moment: datetime, views: int) -> str:
    """``Ngày đăng 22/10/2019 | 8:36 AM  | View count: 487`` (Hà Nội)."""
    hour = moment.hour % 12 or 12
    half = "AM" if moment.hour < 12 else "PM"
    return f"Ngày đăng {moment:%d/%m/%Y} | {hour}:{moment:%M} {half}  | View count: {views}"


def websphere(moment: datetime) -> str:
    """``07:37 18/08/2023``: time first (An Giang, Cần Thơ)."""
    return f"{moment:%H:%M %d/%m/%Y}"


def drupal(moment: datetime, variant: int = 0) -> str:
    """Bến Tre ``Thứ năm, 19 Tháng 9, 2019 - 07:30``; Lạng Sơn ``Thứ Tư, 13/11/2019 - 17:23``."""
    if variant % 2:
        return f"{weekday(moment, capital=True)}, {moment:%d/%m/%Y - %H:%M}"
    return f"{weekday(moment)}, {moment.day} Tháng {moment.month}, {moment.year} - {moment:%H:%M}"


def joomla(moment: datetime, variant: int = 0) -> str:
    """Lâm Đồng ``Thứ năm, 23 Tháng 4 2015 08:43``; Phú Thọ ``Chủ nhật, 28.11.2021 02:16``."""
    if variant % 2:
        return f"{weekday(moment)}, {moment:%d.%m.%Y %H:%M}"
    return f"{weekday(moment)}, {moment.day} Tháng {moment.month} {moment.year} {moment:%H:%M}"


def aspnet(moment: datetime) -> str:
    """``6/6/2016 9:35``: no zero padding (Tuyên Quang, Nghệ An)."""
    return f"{moment.day}/{moment.month}/{moment.year} {moment.hour}:{moment:%M}"


def short(day: date) -> str:
    """``01/07/2021`` as listings and sidebars print it."""
    return f"{day:%d/%m/%Y}"


def rfc822(moment: datetime) -> str:
    """RSS ``pubDate``: ``Thu, 01 Jul 2021 22:50:00 +0700``."""
    return format_datetime(moment)


def w3c(moment: datetime) -> str:
    """Sitemap ``lastmod``."""
    return moment.isoformat(timespec="seconds")
