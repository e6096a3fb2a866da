/// A page template made ready for one locale before any page is rendered: partials are put in place,
/// and every name whose value is the same on every page of the locale (its strings, the stylesheet's
/// URL: `PageContexts.localeConstants`) is printed once, here, into the text around it. What is left
/// for each page is its own values. A comparison page looked up some sixty such names per page, and
/// looking names up was the renderer's largest cost.
///
/// A name is replaced only where the page's scope is the one it would be found in: when no section
/// around it is over a value whose schema has a field of that name.
enum TemplateSpecializer {
    static func specialize(_ template: Template, schema: TemplateSchema, constants: TemplateObject, constantNames: Set<String>,
                           partials: [String: Template]) -> Template {
        var specializer = Specializer(constants: constants, constantNames: constantNames, partials: partials)
        var stack: [TemplateSchema?] = [schema]
        var nodes: [TemplateNode] = []
        specializer.add(template.nodes, stack: &stack, into: &nodes)
        specializer.flush(into: &nodes)
        return Template(name: template.name, file: template.file, nodes: nodes)
    }

    private struct Specializer {
        let constants: TemplateObject
        let constantNames: Set<String>
        let partials: [String: Template]
        /// Text not yet added as a node, so that neighbouring pieces become one.
        var pending: [UInt8] = []

        mutating func flush(into nodes: inout [TemplateNode]) {
            guard !pending.isEmpty else { return }
            nodes.append(.text(String(decoding: pending, as: UTF8.self)))
            pending.removeAll(keepingCapacity: true)
        }

        /// - Parameter stack: the schema of each section's value around the nodes (nil: not known,
        ///   which hides every name), the page's first.
        mutating func add(_ nodes: [TemplateNode], stack: inout [TemplateSchema?], into output: inout [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text(let text):
                    pending.append(contentsOf: text.utf8)
                case .variable(let path, let escaped, _):
                    guard let value = constant(path, stack: stack) else {
                        flush(into: &output)
                        output.append(node)
                        continue
                    }
                    switch value {
                    case .some(.text(let text)): if escaped { HTMLEscape.append(text, to: &pending) } else { pending.append(contentsOf: text.utf8) }
                    case .some(.html(let html)): pending.append(contentsOf: html.utf8)
                    // Lists, groups and flags print nothing, nor does a missing field.
                    default: break
                    }
                case .section(let path, let inverted, let children, let location):
                    if let value = constant(path, stack: stack), Self.isPlain(value), !Self.readsCurrentValue(children) {
                        // A section over text or a flag adds no names: its content is the page's own.
                        if value?.isTruthy ?? false != inverted { add(children, stack: &stack, into: &output) }
                        continue
                    }
                    flush(into: &output)
                    // An inverted section shows its content only when there is no value to add.
                    var inner: [TemplateNode] = []
                    if inverted {
                        add(children, stack: &stack, into: &inner)
                    } else {
                        let found = Self.resolve(path, in: stack)
                        if case .list(let item)? = found { stack.append(item) } else { stack.append(found) }
                        add(children, stack: &stack, into: &inner)
                        stack.removeLast()
                    }
                    flush(into: &inner)
                    output.append(.section(path: path, inverted: inverted, children: inner, location: location))
                case .partial(let name, _):
                    if let partial = partials[name] { add(partial.nodes, stack: &stack, into: &output) }
                }
            }
        }

        /// The locale's value for `path` (inner nil: the path leads nowhere) when the name is one of
        /// the locale's and nothing around it can hide it; nil when it is the page's to say.
        private func constant(_ path: [String], stack: [TemplateSchema?]) -> TemplateValue?? {
            let first = path[0]
            guard first != ".", constantNames.contains(first) else { return nil }
            for frame in stack.dropFirst() {
                switch frame {
                case nil: return nil
                case .object(let fields)?: if fields[first] != nil { return nil }
                default: break
                }
            }
            var value = constants[first]
            for key in path.dropFirst() {
                guard case .object(let object)? = value else { return .some(nil) }
                value = object[key]
            }
            if case .shared? = value { return nil }
            return .some(value)
        }

        /// A value whose section pushes no names: text, HTML, a flag, or nothing.
        private static func isPlain(_ value: TemplateValue?) -> Bool {
            switch value {
            case nil, .text?, .html?, .bool?: true
            case .list?, .object?, .shared?: false
            }
        }

        /// Whether any node prints or tests the section's own value (`{{.}}`), which a section over
        /// plain text makes the text.
        private static func readsCurrentValue(_ nodes: [TemplateNode]) -> Bool {
            nodes.contains { node in
                switch node {
                case .variable(let path, _, _): path == ["."]
                case .section(let path, _, let children, _): path == ["."] || readsCurrentValue(children)
                case .partial: true
                case .text: false
                }
            }
        }

        /// The schema of a section's value, found the way the renderer finds the value.
        private static func resolve(_ path: [String], in stack: [TemplateSchema?]) -> TemplateSchema? {
            if path == ["."] { return stack.last ?? nil }
            var found: TemplateSchema?
            for frame in stack.reversed() {
                guard case .object(let fields)? = frame else { continue }
                if let value = fields[path[0]] { found = value; break }
            }
            for key in path.dropFirst() {
                guard case .object(let fields)? = found else { return nil }
                found = fields[key]
            }
            return found
        }
    }
}
