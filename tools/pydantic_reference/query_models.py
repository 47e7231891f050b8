"""Query parameters of the four list operations, in the reference's order."""

from typing import Annotated, List, Literal, Optional, Union

from pydantic import Field
from typing_extensions import TypeAliasType

from models import ArtifactStatus, ArtifactType


def _sort(value, title):
    return Annotated[Literal[value], Field(title=title)]


CommonSortQueryParams = TypeAliasType("CommonSortQueryParams", Union[
    _sort("name", "Name Ascending"), _sort("-name", "Name Descending"),
    _sort("createdAt", "Creation Date Ascending"),
    _sort("-createdAt", "Creation Date Descending"),
    _sort("updatedAt", "Update Date Ascending"),
    _sort("-updatedAt", "Update Date Descending")])

ArtifactSortQueryParams = TypeAliasType("ArtifactSortQueryParams", Union[
    CommonSortQueryParams, _sort("status", "Status Ascending"),
    _sort("-status", "Status Descending")])

Offset = Annotated[int, Field(ge=0)]
Limit = Annotated[int, Field(ge=1, le=100)]
Strings = Optional[List[str]]
Search = Optional[Annotated[str, Field(max_length=100)]]

PAGING = [("offset", Offset, 0, False), ("limit", Limit, 10, False)]
FILTERS = [("createdBy", Strings, None, True), ("ids", Strings, None, True),
           ("search", Search, None, False), ("tagKeys", Strings, None, True),
           ("tagValues", Strings, None, True)]

OPERATIONS = {
    "listArtifactRepositories": PAGING + FILTERS + [
        ("orderBy", Optional[CommonSortQueryParams], "-createdAt", False),
        ("type", Optional[List[ArtifactType]], None, True)],
    "listArtifacts": PAGING + FILTERS + [
        ("orderBy", Optional[ArtifactSortQueryParams], "-createdAt", False),
        ("type", Optional[List[ArtifactType]], None, True),
        ("status", Optional[List[ArtifactStatus]], None, True),
        ("repositoryId", Strings, None, True)],
    "listBuilds": PAGING,
    "listSharedRoles": PAGING,
}
