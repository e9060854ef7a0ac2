"""The data a browser would post back for an admin change page, as rendered."""

from django.forms import MultiWidget


def posted(response) -> dict:
    """Main form and inline formsets as shown: every input with its current value."""
    data: dict = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update(
            {management[name].html_name: value for name, value in management.initial.items()}
        )
        if inline.has_change_permission:
            forms += formset.initial_forms
    for form in forms:
        for name in form.fields:
            data.update(_inputs(form[name]))
    return data


def _inputs(bound) -> dict:
    value, widget = bound.value(), bound.field.widget
    if isinstance(widget, MultiWidget):
        parts = widget.decompress(value)
        return {f"{bound.html_name}_{i}": part for i, part in enumerate(parts) if part is not None}
    if value is None or value is False:
        return {}
    return {bound.html_name: value}
