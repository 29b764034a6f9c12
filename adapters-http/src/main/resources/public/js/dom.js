/**
 * Builds elements the only way these pages do: text goes in as text (textContent), never as
 * markup, so nothing a model or an API says can add elements or scripts to a page.
 */
export function el(tag, options = {}, children = []) {
    const element = document.createElement(tag);
    if (options.className) {
        element.className = options.className;
    }
    if (options.text !== undefined && options.text !== null) {
        element.textContent = String(options.text);
    }
    for (const [name, value] of Object.entries(options.attrs ?? {})) {
        element.setAttribute(name, String(value));
    }
    for (const child of children) {
        if (child !== null && child !== undefined) {
            element.append(child);
        }
    }
    return element;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs = {}) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) {
        element.setAttribute(name, String(value));
    }
    return element;
}

export function byId(id) {
    const element = document.getElementById(id);
    if (element === null) {
        throw new Error(`the page has no #${id}`);
    }
    return element;
}
