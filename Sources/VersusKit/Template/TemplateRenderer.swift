/// Renders parsed templates against `TemplateValue` data, straight into UTF-8 bytes (the form pages
/// are written in, so no String is built and converted per page). Rendering cannot fail: every name a
/// template uses was checked against its page's schema before the build started.
public struct TemplateRenderer: Sendable {
    let partials: [String: Template]

    public func render(_ template: Template, _ data: TemplateObject) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(24 * 1024)
        var stack: [TemplateValue] = [.object(data)]
        render(template.nodes, stack: &stack, into: &output)
        return output
    }

    private func render(_ nodes: [TemplateNode], stack: inout [TemplateValue], into output: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(contentsOf: text.utf8)
            case .variable(let path, let escaped, _):
                guard let value = lookup(path, in: stack) else { continue }
                switch value {
                case .text(let text): if escaped { HTMLEscape.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
                case .html(let html): output.append(contentsOf: html.utf8)
                case .bool, .list, .object: break
                }
            case .section(let path, let inverted, let children, _):
                let value = lookup(path, in: stack)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(children, stack: &stack, into: &output) }
                    continue
                }
                guard let value, value.isTruthy else { continue }
                if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        render(children, stack: &stack, into: &output)
                        stack.removeLast()
                    }
                } else {
                    stack.append(value)
                    render(children, stack: &stack, into: &output)
                    stack.removeLast()
                }
            case .partial(let name, _):
                if let partial = partials[name] { render(partial.nodes, stack: &stack, into: &output) }
            }
        }
    }

    private func lookup(_ path: [String], in stack: [TemplateValue]) -> TemplateValue? {
        let first = path[0]
        if path.count == 1, first == "." { return stack.last }
        var value: TemplateValue?
        for frame in stack.reversed() {
            if case .object(let object) = frame, let found = object[first] {
                value = found
                break
            }
        }
        for key in path.dropFirst() {
            guard case .object(let object)? = value else { return nil }
            value = object[key]
        }
        return value
    }
}
