"""Reading offers: an attorney's offers, pending first."""

from __future__ import annotations

from django.db.models import Case as CaseWhen
from django.db.models import IntegerField, QuerySet, Value, When

from accounts.models import User

from ..models import Case, CaseOffer, OfferStatus
from ..policy import offers_visible_to


def offers_for_attorney(*, user: User) -> QuerySet[CaseOffer]:
    return (
        offers_visible_to(user)
        .filter(attorney=user)
        .select_related("case")
        .annotate(
            pending_first=CaseWhen(
                When(status=OfferStatus.PENDING, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("pending_first", "-offered_at", "-id")
    )


def offers_pending_count(*, user: User) -> int:
    return CaseOffer.objects.filter(attorney=user, status=OfferStatus.PENDING).count()


def placement_override(*, case: Case) -> CaseOffer | None:
    """The offer behind the case's open placement, when staff sent it with an override."""
    offer = (
        CaseOffer.objects.filter(case=case, placement__closed_at__isnull=True, placement__isnull=False)
        .select_related("overridden_by")
        .first()
    )
    return offer if offer is not None and offer.has_override else None
