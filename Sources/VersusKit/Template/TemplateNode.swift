/// A parsed Mustache template.
public struct Template: Sendable {
    public var name: String
    public var file: String
    var nodes: [TemplateNode]
}

indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw).
    case variable(path: [String], escaped: Bool, location: SourceLocation)
    /// `{{#name}}...{{/name}}`, or with `inverted` `{{^name}}...{{/name}}`.
    case section(path: [String], inverted: Bool, children: [TemplateNode], location: SourceLocation)
    /// `{{> name}}`, from `templates/partials/name.mustache`.
    case partial(name: String, location: SourceLocation)
}

public struct TemplateSyntaxError: Error, Sendable {
    public var location: SourceLocation
    public var message: String
}
