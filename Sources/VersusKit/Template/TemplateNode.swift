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

extension Template {
    /// Every name this template (with the partials it includes) reads, at any depth. A view model uses
    /// it to skip values its template never prints, such as the language list a redirect page does not
    /// show. Over-approximate on purpose: a name inside a section may be looked up in the page's own
    /// scope, so it counts too.
    func namesRead(partials: [String: Template]) -> Set<String> {
        var names: Set<String> = []
        var visited: Set<String> = []
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text: break
                case .variable(let path, _, _): names.insert(path[0])
                case .section(let path, _, let children, _):
                    names.insert(path[0])
                    walk(children)
                case .partial(let name, _):
                    if visited.insert(name).inserted, let partial = partials[name] { walk(partial.nodes) }
                }
            }
        }
        walk(nodes)
        return names
    }
}

extension String {
    /// The same text in storage of its own, so that a thread's copy shares no reference count with
    /// the original (see RenderState.ownCopy).
    var inOwnStorage: String { String(decoding: Array(utf8), as: UTF8.self) }
}

extension TemplateLibrary {
    func deepCopy() -> TemplateLibrary {
        var copy = self
        copy.pages = pages.mapValues { $0.deepCopy() }
        copy.partials = partials.mapValues { $0.deepCopy() }
        return copy
    }
}

extension Template {
    func deepCopy() -> Template {
        func copy(_ nodes: [TemplateNode]) -> [TemplateNode] {
            nodes.map { node in
                switch node {
                case .text(let text): .text(text.inOwnStorage)
                case .variable(let path, let escaped, let location): .variable(path: path.map(\.inOwnStorage), escaped: escaped, location: location)
                case .section(let path, let inverted, let children, let location):
                    .section(path: path.map(\.inOwnStorage), inverted: inverted, children: copy(children), location: location)
                case .partial(let name, let location): .partial(name: name.inOwnStorage, location: location)
                }
            }
        }
        return Template(name: name, file: file, nodes: copy(nodes))
    }
}
