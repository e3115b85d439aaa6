def describe_fields(form):
    """Tie each field to its help text and errors, so that screen readers announce them."""
    for name, field in form.fields.items():
        bound = form[name]
        described_by = []
        if field.help_text:
            described_by.append(f"{bound.auto_id}_helptext")
        if form.is_bound and form.errors.get(name):
            described_by.append(f"{bound.auto_id}_errors")
            field.widget.attrs["aria-invalid"] = "true"
        if described_by:
            field.widget.attrs["aria-describedby"] = " ".join(described_by)
        if field.required:
            field.widget.attrs["aria-required"] = "true"
    return form
