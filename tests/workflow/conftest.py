# The report fixtures (centre, water, clerk, handler, submitted, dispatched …) are the workflow's
# reference process too.
from tests.reports.conftest import (  # noqa: F401
    centre,
    clerk,
    dispatched,
    handler,
    police,
    sewer,
    submitted,
    village,
    water,
)
