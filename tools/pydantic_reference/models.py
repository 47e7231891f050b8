"""Pydantic v2 models mirroring the request schemas of the artifacts API reference.

Field order in every model is the schema's `required` list first, then the
remaining properties in alphabetical order. The reference lists properties
alphabetically, so the service's real declaration order is unknown; the C++
engine uses the same rule, which keeps the order of errors identical.
"""

import enum
import re
from typing import Annotated, Dict, List, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

NAME_MAX_LENGTH = 63
NAME_PATTERN = re.compile(r"^[a-z]([a-z0-9-]*[a-z0-9])?$")


def check_k8s_name(value, what):
    """Raise ValueError unless `value` is a valid container or group name."""
    if value is None:
        return value
    if len(value) > NAME_MAX_LENGTH:
        raise ValueError(f"{what} name must be at most 63 characters")
    if not NAME_PATTERN.match(value):
        raise ValueError(
            f"{what} name must contain only lowercase letters, digits and hyphens, "
            "start with a letter and end with a letter or digit")
    return value


class Forbid(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArtifactStatus(str, enum.Enum):
    DRAFT = "draft"
    LOCKED = "locked"


class ArtifactType(str, enum.Enum):
    SERVICE = "service"
    NIM = "nim"


class SeccompProfileType(str, enum.Enum):
    RUNTIME_DEFAULT = "RuntimeDefault"
    UNCONFINED = "Unconfined"
    LOCALHOST = "Localhost"


class SharingRole(str, enum.Enum):
    NO_ROLE = "NO_ROLE"
    OWNER = "OWNER"
    READ_WRITE = "READ_WRITE"
    EDITOR = "EDITOR"
    USER = "USER"
    DATA_SCIENTIST = "DATA_SCIENTIST"
    ADMIN = "ADMIN"
    READ_ONLY = "READ_ONLY"
    CONSUMER = "CONSUMER"
    OBSERVER = "OBSERVER"


class SubjectType(str, enum.Enum):
    USER = "user"
    GROUP = "group"
    ORGANIZATION = "organization"
    ROLE = "role"


class ContainerBuildInfo(Forbid):
    artifactImageBuildId: str
    status: str
    createdAt: str


class StringEnvironmentVariable(BaseModel):
    name: str
    value: str
    source: Literal["string"] = "string"


class CredentialEnvironmentVariable(BaseModel):
    source: Literal["dr-credential"]
    name: str
    drCredentialId: str
    key: str


class DrApiTokenEnvironmentVariable(BaseModel):
    source: Literal["dr-api-token"]
    name: str


class DataRobotCodeRef(Forbid):
    catalogId: str
    catalogVersionId: str


class CodeRef(Forbid):
    datarobot: DataRobotCodeRef
    provider: Literal["datarobot"] = "datarobot"
    type: Literal["datarobot"] = "datarobot"


class ProvidedDockerfile(Forbid):
    path: str = "./Dockerfile"
    source: Literal["provided"] = "provided"


class GeneratedDockerfile(Forbid):
    executionEnvironmentId: str
    executionEnvironmentVersionId: str
    entrypoint: Annotated[List[str], Field(min_length=1)]
    source: Literal["generated"] = "generated"


class ImageBuildConfig(Forbid):
    codeRef: Optional[CodeRef] = None
    # "defaults to using ./dockerfile from the source code": a default_factory,
    # which pydantic leaves out of the JSON schema.
    dockerfile: Annotated[Union[ProvidedDockerfile, GeneratedDockerfile],
                          Field(discriminator="source", default_factory=ProvidedDockerfile)]


class ProbeConfig(Forbid):
    path: str
    failureThreshold: int = 3
    host: Optional[Annotated[str, Field(min_length=0)]] = None
    # Not nullable and without a default in the schema: a default_factory.
    httpHeaders: Dict[str, str] = Field(default_factory=dict)
    initialDelaySeconds: int = 30
    periodSeconds: int = 30
    port: Annotated[int, Field(ge=1, le=65535)] = 8080
    scheme: Literal["HTTP", "HTTPS"] = "HTTP"
    timeoutSeconds: int = 30


class Capabilities(Forbid):
    add: Optional[List[str]] = None
    drop: Optional[List[str]] = None


class SeccompProfile(Forbid):
    type: SeccompProfileType
    localhostProfile: Optional[str] = None

    @model_validator(mode="after")
    def check_localhost_profile(self):
        if self.localhostProfile is not None and self.type != SeccompProfileType.LOCALHOST:
            raise ValueError("localhostProfile is only allowed when type is Localhost")
        return self


class SecurityContext(Forbid):
    allowPrivilegeEscalation: Optional[bool] = None
    capabilities: Optional[Capabilities] = None
    readOnlyRootFilesystem: Optional[bool] = None
    seccompProfile: Optional[SeccompProfile] = None


EnvironmentVariable = Union[StringEnvironmentVariable, CredentialEnvironmentVariable,
                            DrApiTokenEnvironmentVariable]


class Container(Forbid):
    build: Optional[ContainerBuildInfo] = None
    description: str = ""
    entrypoint: Optional[List[str]] = None
    environmentVars: List[EnvironmentVariable] = []
    imageBuildConfig: Optional[ImageBuildConfig] = None
    imageUri: Optional[str] = None
    livenessProbe: Optional[ProbeConfig] = None
    name: Optional[str] = None
    port: Optional[Annotated[int, Field(ge=1024, le=65535)]] = None
    primary: Optional[bool] = False
    readinessProbe: Optional[ProbeConfig] = None
    securityContext: Optional[SecurityContext] = None
    startupProbe: Optional[ProbeConfig] = None

    @field_validator("name")
    @classmethod
    def check_name(cls, value):
        return check_k8s_name(value, "Container")

    @model_validator(mode="after")
    def check_port_and_image(self):
        if self.primary and self.port is None:
            raise ValueError("A primary container must define a port")
        if not self.primary and self.port is not None:
            raise ValueError("A non-primary container must not define a port")
        if self.imageBuildConfig is None and self.imageUri is None:
            raise ValueError("imageUri is required when imageBuildConfig is not set")
        return self


class ContainerGroup(Forbid):
    containers: List[Container] = []
    name: str = "default"

    @field_validator("name")
    @classmethod
    def check_name(cls, value):
        return check_k8s_name(value, "Container group")


class ServiceArtifactSpec(Forbid):
    containerGroups: List[ContainerGroup] = []
    type: Literal["service"] = "service"


class NimStorageConfig(Forbid):
    mode: Literal["dedicatedPvc", "nimCache"] = "dedicatedPvc"
    pvcSize: Optional[Annotated[str, Field(pattern=r"^\d+(\.\d+)?(Gi|Mi|Ti)$")]] = None


class NimArtifactSpec(Forbid):
    containerGroups: List[ContainerGroup] = []
    storage: Optional[NimStorageConfig] = None
    templateId: Optional[str] = None
    type: Literal["nim"] = "nim"


class InputArtifact(Forbid):
    name: Annotated[str, Field(min_length=1, max_length=5000)]
    spec: Annotated[Union[ServiceArtifactSpec, NimArtifactSpec], Field(discriminator="type")]
    artifactRepositoryId: Optional[str] = None
    description: str = ""
    # "Artifacts are always created as drafts."
    status: ArtifactStatus = ArtifactStatus.DRAFT
    type: ArtifactType = ArtifactType.SERVICE

    @model_validator(mode="before")
    @classmethod
    def inject_spec_type(cls, data):
        # The spec variant follows the top-level type, which defaults to service.
        if isinstance(data, dict) and isinstance(data.get("spec"), dict):
            data = dict(data)
            data["spec"] = {**data["spec"], "type": data.get("type", "service")}
        return data


class MultiContainerArtifactSpec(Forbid):
    containerGroups: List[ContainerGroup] = []


class UpdateArtifactRequest(Forbid):
    description: Optional[str] = None
    name: Optional[Annotated[str, Field(min_length=1, max_length=5000)]] = None
    spec: Optional[MultiContainerArtifactSpec] = None
    status: Optional[ArtifactStatus] = None


class ArtifactCloneRequest(Forbid):
    name: Annotated[str, Field(min_length=1, max_length=5000)]


class GrantAccessControlWithUsername(Forbid):
    shareRecipientType: SubjectType
    role: SharingRole
    username: str


class GrantAccessControlWithId(Forbid):
    shareRecipientType: SubjectType
    role: SharingRole
    id: str


class SharedRolesUpdateRequest(Forbid):
    operation: Literal["updateRoles"]
    roles: Annotated[List[Union[GrantAccessControlWithUsername, GrantAccessControlWithId]],
                     Field(min_length=1, max_length=100)]


BODY_MODELS = {
    "InputArtifact": InputArtifact,
    "UpdateArtifactRequest": UpdateArtifactRequest,
    "ArtifactCloneRequest": ArtifactCloneRequest,
    "SharedRolesUpdateRequest": SharedRolesUpdateRequest,
}
