"""Demo accounts: one per role, all with the same password, printed by seed_demo."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from allauth.account.models import EmailAddress

from .permissions import sync_role_permissions
from .roles import Role

DEMO_PASSWORD = "Walesi-Demo-2026"

DEMO_ACCOUNTS = [
    # email, first name, last name, roles, superuser
    ("pegawai@walesi.test", "Yosina", "Wenda", [Role.PEGAWAI], False),
    ("pegawai2@walesi.test", "Markus", "Lokobal", [Role.PEGAWAI], False),
    ("atasan@walesi.test", "Agustina", "Asso", [Role.PEGAWAI, Role.ATASAN], False),
    ("pelatih@walesi.test", "Daniel", "Hubi", [Role.PELATIH], False),
    ("pimpinan@walesi.test", "Elias", "Itlay", [Role.PEGAWAI, Role.PIMPINAN], False),
    ("admin@walesi.test", "Ruth", "Wetipo", [Role.ADMIN_KEPEGAWAIAN], True),
]


@transaction.atomic
def seed(stdout=None) -> dict:
    """Create or refresh the demo accounts; running it again changes nothing but passwords and roles."""
    User = get_user_model()
    sync_role_permissions()  # recreates the role groups if a flushed test database lost them
    groups = {g.name: g for g in Group.objects.filter(name__in=[r.value for r in Role])}
    users = {}
    for email, first, last, roles, superuser in DEMO_ACCOUNTS:
        user, _created = User.objects.get_or_create(email=email, defaults={"first_name": first, "last_name": last})
        user.first_name, user.last_name = first, last
        user.is_active = True
        user.is_superuser = superuser
        user.is_staff = superuser
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set([groups[r.value] for r in roles])
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        users[email] = user
    return users


def counts() -> dict[str, int]:
    """What the demo holds, for seed_demo's summary line."""
    return {"accounts": len(DEMO_ACCOUNTS)}


def describe() -> str:
    lines = [f"Demo accounts (password for all: {DEMO_PASSWORD}):"]
    for email, first, last, roles, superuser in DEMO_ACCOUNTS:
        extra = " + Wagtail superuser" if superuser else ""
        lines.append(f"  {email:<24} {first + ' ' + last:<18} {', '.join(r.value for r in roles)}{extra}")
    return "\n".join(lines)
