"""Writes for CLE certificates: issue, render, reissue, revoke."""

from __future__ import annotations


def certificates_issue_for_enrollment(*, enrollment_id: int) -> list:
    """Issue the certificates a completed enrollment earns (one per accredited jurisdiction).

    The course models land separately; until then there is nothing to issue.
    """
    return []
