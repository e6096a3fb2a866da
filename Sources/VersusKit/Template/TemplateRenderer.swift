/// Renders parsed templates against `TemplateValue` data, straight into UTF-8 bytes (the form pages
/// are written in, so no String is built and converted per page). Rendering cannot fail: every name a
/// template uses was checked against its page's schema before the build started.
public struct TemplateRenderer: Sendable {
    let partials: [String: Template]
    /// Page-level names whose values are the same on every page of a locale, whatever its kind (the
    /// locale's strings, the stylesheet's URL): a kept section may read them (see `SharedParts`).
    var localeConstantNames: Set<String> = []

    public func render(_ template: Template, _ data: TemplateObject) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(24 * 1024)
        render(template, data, locale: 0, parts: nil, into: &output)
        return output
    }

    /// Appends the page to `output`. With `parts`, sections over shared values are copied from what
    /// this thread kept for `locale`, or rendered and kept.
    public func render(_ template: Template, _ data: TemplateObject, locale: Int, parts: SharedParts?, into output: inout [UInt8]) {
        var stack: [TemplateValue] = [.object(data)]
        var state = State(locale: locale, parts: parts)
        render(template.nodes, stack: &stack, state: &state, into: &output)
    }

    /// What one page's rendering carries along besides its stack.
    struct State {
        var locale: Int
        var parts: SharedParts?
        /// While a section is rendered to be kept: the stack depth where the shared value starts.
        var keepingFrom: Int?
        /// Set when a section being kept read a name from below the shared value that is not the same on every page of the locale.
        var readsPageValues = false

        /// The path shared values get: the mark while a section is being kept.
        func path(of shared: SharedValue) -> String { keepingFrom == nil ? shared.path : SharedParts.pathMarkText }
    }

    private func render(_ nodes: [TemplateNode], stack: inout [TemplateValue], state: inout State, into output: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(contentsOf: text.utf8)
            case .variable(let path, let escaped, _):
                guard let value = lookup(path, in: stack, state: &state).map({ made($0, state) }) else { continue }
                switch value {
                case .text(let text): if escaped { HTMLEscape.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
                case .html(let html): output.append(contentsOf: html.utf8)
                case .bool, .list, .object, .shared: break
                }
            case .section(let path, let inverted, let children, let location):
                let value = lookup(path, in: stack, state: &state)
                if inverted {
                    if !(value.map { made($0, state) }?.isTruthy ?? false) { render(children, stack: &stack, state: &state, into: &output) }
                    continue
                }
                guard let value else { continue }
                if case .shared(let shared) = value, state.parts != nil, state.keepingFrom == nil {
                    renderShared(shared, children, at: location, stack: &stack, state: &state, into: &output)
                } else {
                    renderSection(value, children, stack: &stack, state: &state, into: &output)
                }
            case .partial(let name, _):
                if let partial = partials[name] { render(partial.nodes, stack: &stack, state: &state, into: &output) }
            }
        }
    }

    private func renderSection(_ value: TemplateValue, _ children: [TemplateNode], stack: inout [TemplateValue], state: inout State,
                               into output: inout [UInt8]) {
        switch value {
        case .shared(let shared):
            renderSection(shared.make(state.path(of: shared)), children, stack: &stack, state: &state, into: &output)
        case .list(let items):
            for item in items {
                stack.append(item)
                render(children, stack: &stack, state: &state, into: &output)
                stack.removeLast()
            }
        default:
            guard value.isTruthy else { return }
            stack.append(value)
            render(children, stack: &stack, state: &state, into: &output)
            stack.removeLast()
        }
    }

    /// A section over a shared value: the kept parts joined by this page's path when there are any;
    /// else rendered, and kept when it is shareable.
    private func renderShared(_ shared: SharedValue, _ children: [TemplateNode], at location: SourceLocation,
                              stack: inout [TemplateValue], state: inout State, into output: inout [UInt8]) {
        let parts = state.parts!
        let key = SharedParts.Key(location: location, locale: state.locale, key: shared.key)
        // A path that HTML escaping would change is printed the ordinary way (slugs never are).
        let plainPath = !shared.path.utf8.contains { HTMLEscape.needsEscaping($0) || $0 == SharedParts.pathMark }
        if let kept = parts.entries[key] {
            if let kept, plainPath {
                SharedParts.join(kept, path: shared.path, into: &output)
            } else {
                renderSection(shared.value, children, stack: &stack, state: &state, into: &output)
            }
            return
        }
        // First meeting: rendered with the mark for the path, watching what it reads; then the
        // ordinary way, which this page prints and which the kept parts must give back exactly.
        var marked: [UInt8] = []
        state.keepingFrom = stack.count
        state.readsPageValues = false
        renderSection(shared.make(SharedParts.pathMarkText), children, stack: &stack, state: &state, into: &marked)
        state.keepingFrom = nil
        let start = output.count
        renderSection(shared.value, children, stack: &stack, state: &state, into: &output)
        let kept = marked.split(separator: SharedParts.pathMark, omittingEmptySubsequences: false).map { Array($0) }
        var joined: [UInt8] = []
        SharedParts.join(kept, path: shared.path, into: &joined)
        let shareable = !state.readsPageValues && plainPath && joined[...] == output[start...]
        parts.entries[key] = shareable ? kept : .some(nil)
    }

    /// The value a name stands for, as the page holds it: a shared value is left for the caller to make.
    private func lookup(_ path: [String], in stack: [TemplateValue], state: inout State) -> TemplateValue? {
        let first = path[0]
        if path.count == 1, first == "." { return stack.last }
        var value: TemplateValue?
        var frameIndex = stack.count - 1
        while frameIndex >= 0 {
            if case .object(let object) = stack[frameIndex], let found = object[first] {
                value = found
                break
            }
            frameIndex -= 1
        }
        if let keepingFrom = state.keepingFrom, frameIndex < keepingFrom, frameIndex != 0 || !localeConstantNames.contains(first) {
            state.readsPageValues = true
        }
        for key in path.dropFirst() {
            guard case .object(let object)? = value.map({ made($0, state) }) else { return nil }
            value = object[key]
        }
        return value
    }

    /// A shared value's value for this page (or, while a section is being kept, with the mark for the path).
    private func made(_ value: TemplateValue, _ state: State) -> TemplateValue {
        if case .shared(let shared) = value { return shared.make(state.path(of: shared)) }
        return value
    }
}
