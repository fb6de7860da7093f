"""The main navigation: each entry names a URL and the roles that see it.

An entry whose URL does not exist (yet) is simply not shown, so the menu never links to a missing page.
Apps add entries here when they add the page.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .roles import Role, has_role


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str
    roles: tuple[str, ...] = ()  # empty: every signed-in user
    public: bool = False  # shown to visitors who are not signed in


NAV_ITEMS: list[NavItem] = [
    NavItem("learning:dashboard", _("Belajar"), (Role.PEGAWAI,)),
    NavItem("learning:catalogue", _("Kursus"), public=True),
    NavItem("home:standards", _("Standar kinerja"), public=True),
    NavItem("home:articles", _("Sosialisasi"), public=True),
    NavItem("dashboard:my_profile", _("Kinerja saya"), (Role.PEGAWAI,)),
    NavItem("dashboard:team", _("Tim saya"), (Role.ATASAN,)),
    NavItem("adoption:dashboard", _("Dasbor pimpinan"), (Role.PIMPINAN, Role.ADMIN_KEPEGAWAIAN)),
    NavItem("campaigns:list", _("Kampanye"), (Role.PIMPINAN, Role.ADMIN_KEPEGAWAIAN)),
    NavItem("pulse:list", _("Pulse kesiapan"), (Role.PEGAWAI,)),
    NavItem("pulse:results", _("Hasil pulse"), (Role.PIMPINAN, Role.ADMIN_KEPEGAWAIAN)),
    NavItem("performance:hr_home", _("Kepegawaian"), (Role.ADMIN_KEPEGAWAIAN,)),
    NavItem("pulse:manage", _("Kelola pulse"), (Role.ADMIN_KEPEGAWAIAN,)),
    NavItem("learning:export", _("Ekspor rekam belajar"), (Role.ADMIN_KEPEGAWAIAN,)),
    NavItem("survey:overview", _("Survei kepuasan"), (Role.ADMIN_KEPEGAWAIAN, Role.PIMPINAN, Role.ATASAN)),
    NavItem("wagtailadmin_home", _("Kelola konten"), (Role.PELATIH, Role.ADMIN_KEPEGAWAIAN)),
]

_resolved: dict[str, str | None] = {}


def _url(name: str) -> str | None:
    if name not in _resolved:
        try:
            _resolved[name] = reverse(name)
        except NoReverseMatch:
            _resolved[name] = None
    return _resolved[name]


def nav_for(user, current_path: str = "") -> list[dict]:
    items = []
    for item in NAV_ITEMS:
        url = _url(item.url_name)
        if url is None:
            continue
        if user.is_authenticated:
            if item.roles and not has_role(user, *item.roles):
                continue
        elif not item.public:
            continue
        active = current_path == url or (url != "/" and current_path.startswith(url))
        items.append({"url": url, "label": item.label, "active": active})
    return items
