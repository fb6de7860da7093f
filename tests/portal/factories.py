"""Users with roles, on factory-boy: `UserFactory(roles=[Role.PELATIH])` logs in with the demo password."""

from django.contrib.auth.models import Group

import factory
from allauth.account.models import EmailAddress

from portal.demo import DEMO_PASSWORD
from portal.models import User


class UserFactory(factory.django.DjangoModelFactory):
    """An active user with a verified primary email; `roles` (a list of Role) puts them in those role groups."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"asn{n}@walesi.test")
    first_name = "Asn"
    last_name = factory.Sequence(lambda n: f"Walesi {n}")
    password = factory.django.Password(DEMO_PASSWORD)
    is_active = True

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*(Group.objects.get_or_create(name=str(role))[0] for role in extracted))

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
