"""Managing datasets in the admin: import, grid editing, and who may touch which dataset."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from stats.factories import DatasetFactory
from stats.models import Dataset

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_stats_dataset:add"
EDIT = "wagtailsnippets_stats_dataset:edit"
LIST = "wagtailsnippets_stats_dataset:list"
DELETE = "wagtailsnippets_stats_dataset:delete"


def form_data(**overrides):
    data = {
        "title": "Đình công",
        "description": "",
        "measure": "cuộc",
        "unit": "HN",
        "chart_type": "bar",
        "source": "Ban Quan hệ lao động",
        "method": "",
        "table-rows": "0",
        "table-columns": "0",
    }
    data.update(overrides)
    return data


def grid(rows):
    data = {"table-rows": str(len(rows)), "table-columns": str(max(len(r) for r in rows))}
    for r, cells in enumerate(rows, start=1):
        for c, cell in enumerate(cells, start=1):
            data[f"table-{r}-{c}"] = cell
    return data


def denied(response) -> bool:
    """Wagtail answers a refused admin request with a redirect to the dashboard and a message.

    Someone without admin access is sent to log in: the site's login page is allauth's,
    under a language prefix (/vi/accounts/login/), which /admin/login/ also redirects to.
    """
    if response.status_code == 403:
        return True
    if response.status_code != 302:
        return False
    path = response.url.split("?")[0]
    return path in ("/admin/", "/admin/login/") or path.endswith("/accounts/login/")


def add(client, data):
    """Add a dataset in Vietnamese content, with the admin in English for assertions on its messages."""
    return client.post(reverse(ADD) + "?locale=vi", data, HTTP_ACCEPT_LANGUAGE="en")


def test_an_editor_imports_a_csv_into_a_new_dataset_of_their_unit(client, federation):
    client.force_login(federation.hanoi_editor)
    upload = SimpleUploadedFile("dinh-cong.csv", "Năm,Đình công\n2023,9\n2024,12\n".encode(), "text/csv")
    response = add(client, {**form_data(), "import_file": upload})
    assert response.status_code == 302
    dataset = Dataset.objects.get(title="Đình công")
    assert dataset.unit == federation.hanoi
    assert dataset.table == {
        "period_heading": "Năm",
        "series": ["Đình công"],
        "rows": [
            {"period": "2023", "unit": "", "values": [9]},
            {"period": "2024", "unit": "", "values": [12]},
        ],
    }
    assert dataset.is_public is False  # editors prepare, moderators publish


def test_a_bad_csv_is_refused_line_by_line_nothing_saved_and_typed_input_kept(client, federation):
    client.force_login(federation.hanoi_editor)
    upload = SimpleUploadedFile("bad.csv", b"year,strikes\n2023,9\n2023,x\n2024,1\n", "text/csv")
    response = add(client, {**form_data(title="Keep this title"), "import_file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Line 3: duplicate period 2023 (first on line 2)" in html
    assert "Line 3: column strikes: &#x27;x&#x27; is not a number" in html
    assert "Nothing was imported" in html
    assert 'value="Keep this title"' in html
    assert not Dataset.objects.exists()


def test_figures_typed_in_the_grid_are_checked_and_saved(client, federation):
    client.force_login(federation.hanoi_editor)
    bad = add(client, {**form_data(), **grid([["year", "unit", "A"], ["2024", "HCM", "3"]])})
    assert "Line 2: unknown unit HCM, or not under this dataset&#x27;s unit" in bad.content.decode()
    assert not Dataset.objects.exists()
    good = add(client, {**form_data(), **grid([["year", "unit", "A"], ["2024", "HN-CG", "3"], ["", "", ""]])})
    assert good.status_code == 302
    assert Dataset.objects.get().table["rows"] == [{"period": "2024", "unit": "HN-CG", "values": [3]}]


def test_the_grid_shows_the_saved_figures_for_editing(client, federation):
    dataset = DatasetFactory(unit=federation.hanoi, is_public=False)
    client.force_login(federation.hanoi_editor)
    html = client.get(reverse(EDIT, args=[dataset.pk])).content.decode()
    assert 'name="table-1-3" value="Strikes"' in html
    assert 'name="table-2-1" value="2021"' in html and 'name="table-2-3" value="120"' in html


def test_an_editor_cannot_use_a_unit_outside_their_own(client, federation):
    client.force_login(federation.hanoi_editor)
    response = add(client, form_data(unit="HCM"))
    assert "Enter the code of your unit or of a unit below it" in response.content.decode()
    assert not Dataset.objects.exists()


def test_nobody_lists_edits_or_deletes_another_units_datasets(client, federation):
    hanoi = DatasetFactory(unit=federation.hanoi, title="Hanoi figures", is_public=False)
    DatasetFactory(unit=federation.saigon, title="Saigon figures", is_public=False)
    client.force_login(federation.saigon_editor)
    listing = client.get(reverse(LIST)).content.decode()
    assert "Saigon figures" in listing and "Hanoi figures" not in listing
    assert denied(client.get(reverse(EDIT, args=[hanoi.pk])))
    assert denied(client.post(reverse(EDIT, args=[hanoi.pk]), form_data(unit="HN", title="Taken over")))
    client.force_login(federation.saigon_moderator)
    assert denied(client.post(reverse(DELETE, args=[hanoi.pk])))
    hanoi.refresh_from_db()
    assert hanoi.title == "Hanoi figures"


def test_editors_cannot_publish_or_change_published_figures_moderators_can(client, federation):
    dataset = DatasetFactory(unit=federation.hanoi, is_public=False)
    client.force_login(federation.hanoi_editor)
    client.post(reverse(EDIT, args=[dataset.pk]), {**form_data(title="Edited"), "is_public": "on"})
    dataset.refresh_from_db()
    assert dataset.title == "Edited" and dataset.is_public is False

    client.force_login(federation.hanoi_moderator)
    response = client.post(reverse(EDIT, args=[dataset.pk]), {**form_data(title="Edited"), "is_public": "on"})
    assert response.status_code == 302
    dataset.refresh_from_db()
    assert dataset.is_public is True

    client.force_login(federation.hanoi_editor)
    assert denied(client.get(reverse(EDIT, args=[dataset.pk])))
    assert denied(client.post(reverse(EDIT, args=[dataset.pk]), form_data(title="Changed after publication")))
    dataset.refresh_from_db()
    assert dataset.title == "Edited"


def test_a_member_of_the_public_cannot_reach_the_dataset_admin(client, federation):
    from conftest import make_user

    client.force_login(make_user("worker"))
    assert denied(client.get(reverse(LIST)))
