/// Checks, before anything is rendered, that every name a template uses exists in its page's schema
/// and is used the right way (text printed, lists iterated), through every partial it includes.
enum TemplateChecker {
    static func check(_ template: Template, schema: TemplateSchema, partials: [String: Template],
                      pageKind: String, diagnostics: inout DiagnosticList) {
        var stack: [TemplateSchema] = [schema]
        var including: [String] = []
        check(template.nodes, stack: &stack, partials: partials, including: &including, pageKind: pageKind, diagnostics: &diagnostics)
    }

    private static func check(_ nodes: [TemplateNode], stack: inout [TemplateSchema], partials: [String: Template],
                              including: inout [String], pageKind: String, diagnostics: inout DiagnosticList) {
        for node in nodes {
            switch node {
            case .text:
                break
            case .variable(let path, _, let location):
                guard let found = resolve(path, stack: stack, location: location, pageKind: pageKind, diagnostics: &diagnostics) else { continue }
                switch found {
                case .text, .html: break
                case .flag, .list, .object:
                    let name = path.joined(separator: ".")
                    diagnostics.error(location, "\"\(name)\" is \(found.kindName), not text: use {{#\(name)}}...{{/\(name)}}")
                }
            case .section(let path, let inverted, let children, let location):
                guard let found = resolve(path, stack: stack, location: location, pageKind: pageKind, diagnostics: &diagnostics) else {
                    continue
                }
                if inverted {
                    check(children, stack: &stack, partials: partials, including: &including, pageKind: pageKind, diagnostics: &diagnostics)
                    continue
                }
                switch found {
                case .list(let item): stack.append(item)
                default: stack.append(found)
                }
                check(children, stack: &stack, partials: partials, including: &including, pageKind: pageKind, diagnostics: &diagnostics)
                stack.removeLast()
            case .partial(let name, let location):
                guard let partial = partials[name] else {
                    diagnostics.error(location, "unknown partial \"\(name)\" (no templates/partials/\(name).mustache)\(Suggestion.didYouMean(name, in: Array(partials.keys)))")
                    continue
                }
                if including.contains(name) {
                    diagnostics.error(location, "partial \"\(name)\" includes itself through \(including.joined(separator: " > "))")
                    continue
                }
                including.append(name)
                check(partial.nodes, stack: &stack, partials: partials, including: &including, pageKind: pageKind, diagnostics: &diagnostics)
                including.removeLast()
            }
        }
    }

    private static func resolve(_ path: [String], stack: [TemplateSchema], location: SourceLocation, pageKind: String,
                                diagnostics: inout DiagnosticList) -> TemplateSchema? {
        if path == ["."] { return stack.last }
        var found: TemplateSchema?
        var visible: [String] = []
        for frame in stack.reversed() {
            guard case .object(let fields) = frame else { continue }
            visible.append(contentsOf: fields.keys)
            if let value = fields[path[0]] { found = value; break }
        }
        guard var value = found else {
            diagnostics.error(location, "unknown variable \"\(path.joined(separator: "."))\": the \(pageKind) page does not provide it\(Suggestion.didYouMean(path[0], in: visible))")
            return nil
        }
        for (depth, key) in path.enumerated().dropFirst() {
            guard case .object(let fields) = value, let next = fields[key] else {
                let prefix = path[..<depth].joined(separator: ".")
                var known: [String] = []
                if case .object(let fields) = value { known = Array(fields.keys) }
                diagnostics.error(location, "unknown variable \"\(path.joined(separator: "."))\": \"\(prefix)\" has no \"\(key)\"\(Suggestion.didYouMean(key, in: known))")
                return nil
            }
            value = next
        }
        return value
    }
}
