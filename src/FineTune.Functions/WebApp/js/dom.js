// The few ways the screens build their HTML: plain elements, and tables of figures.

/** An element with attributes (`class` as the class name) and children; null and undefined children are skipped. */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** A table with a caption; cells carry their column's name so a narrow screen can show each row as a card. */
export function table(caption, columns, rows, className = 'figures') {
  const head = element('thead', {}, element('tr', {}, ...columns.map((c) => element('th', { scope: 'col' }, c))));
  const body = element('tbody', {}, ...rows.map((row) => element('tr', {},
    ...row.map((cell, i) => i === 0
      ? element('th', { scope: 'row', 'data-label': columns[0] }, cell)
      : element('td', { 'data-label': columns[i] }, cell)))));
  return element('table', { class: className }, element('caption', {}, caption), head, body);
}
