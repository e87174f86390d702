// The row form's page script (runs in the webview, not in Node). It draws the row the extension sends, one field
// under another, and sends back each change. Every cell text goes in through `textContent` or `value`, never as
// HTML. Changes are committed when a drop-down changes, on Enter, or when a text box loses focus; Escape returns to
// the text editor at the focused field's cell.
/* global acquireVsCodeApi, document, window */
(function () {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('form');
  /** The last form drawn, to tell a new row from a reload of the same one. */
  let shown = null;

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'form') draw(message);
  });

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const field = fieldOf(document.activeElement);
    vscode.postMessage(field === undefined ? { type: 'focusEditor' } : { type: 'focusEditor', field });
  });

  vscode.postMessage({ type: 'ready' });

  function draw({ form, fileName, notice }) {
    const sameRow = shown && form && shown.row === form.row && shown.line === form.line;
    // The same row again with nothing new (a cursor move within the row): keep the page as it is.
    if (sameRow && !notice && JSON.stringify(form) === JSON.stringify(shown)) return;
    const focused = document.activeElement;
    const focusedId = focused && focused.id;
    const selection = focusedId && sameRow ? selectionOf(focused) : undefined;
    // What the user is typing and has not committed yet survives a reload of the same row.
    const typed = sameRow && focused && focused.dataset && focused.value !== focused.dataset.committed;
    const typedValue = typed ? focused.value : undefined;
    shown = form;
    main.replaceChildren();
    if (notice) main.append(element('p', 'notice', notice));
    if (!form) {
      main.append(element('p', 'empty', 'Put the cursor on a row of a subscriber CSV file to edit it here.'));
      return;
    }
    const heading = element('h1', 'title', form.row === 0 ? `Header of ${fileName}` : `Row ${form.row}: ${form.label}`);
    main.append(heading);
    const facts = [form.row === 0 ? 'Each field is a column name.' : `${form.type || 'No type yet'}`];
    facts.push(`line ${form.line + 1} of ${fileName}`);
    main.append(element('p', 'subtitle', facts.join(' · ')));
    if (form.rowProblems.length > 0) main.append(problemList(form.rowProblems, 'row-problems'));
    const list = element('div', 'fields');
    for (const field of form.fields) list.append(fieldBlock(form, field));
    main.append(list);
    if (form.missingColumns.length > 0) {
      const names = form.missingColumns.map((column) => column.name).join(', ');
      main.append(element('p', 'missing', `Not in this file's header: ${names}.`));
    }
    if (focusedId) {
      const again = document.getElementById(focusedId);
      if (again && sameRow) {
        if (typedValue !== undefined) again.value = typedValue;
        again.focus();
        if (selection && typeof again.setSelectionRange === 'function') {
          again.setSelectionRange(selection.start, selection.end);
        }
      }
    }
  }

  function fieldBlock(form, field) {
    const block = element('div', field.problems.length > 0 ? `field has-${worst(field.problems)}` : 'field');
    const id = `field-${field.field}`;
    const label = element('label', 'label');
    label.htmlFor = id;
    label.append(element('span', 'name', field.name || `(column ${field.field + 1})`));
    const about = field.known ? field.title : 'not an import column';
    label.append(element('span', 'about', ` ${about} · column ${field.field + 1}`));
    block.append(label);

    const suggestions = field.closed ? undefined : datalist(field, id);
    const control = field.closed ? select(field) : input(field, suggestions);
    control.id = id;
    control.dataset.field = String(field.field);
    const described = [];
    if (field.help) described.push(`help-${field.field}`);
    if (field.problems.length > 0) described.push(`problems-${field.field}`);
    if (described.length > 0) control.setAttribute('aria-describedby', described.join(' '));
    if (field.problems.some((problem) => problem.severity === 'error')) control.setAttribute('aria-invalid', 'true');
    control.dataset.committed = field.value;
    const commit = () => {
      if (control.value === control.dataset.committed) return;
      control.dataset.committed = control.value;
      vscode.postMessage({
        type: 'edit',
        version: form.version,
        row: form.row,
        field: field.field,
        value: control.value,
      });
    };
    control.addEventListener('change', commit);
    control.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && control.tagName === 'INPUT') commit();
    });
    block.append(control);
    if (suggestions) block.append(suggestions);
    if (!field.range)
      block.append(element('p', 'note', 'This row ends before this column: a value adds the cells up to it.'));
    if (field.help) {
      const help = element(
        'p',
        'help',
        field.blankMeans ? `${field.help} Empty means: ${field.blankMeans}.` : field.help,
      );
      help.id = `help-${field.field}`;
      block.append(help);
    }
    if (field.problems.length > 0) {
      const problems = problemList(field.problems, 'problems');
      problems.id = `problems-${field.field}`;
      block.append(problems);
    }
    return block;
  }

  function select(field) {
    const control = document.createElement('select');
    const options = [{ value: '', label: field.blankMeans ? `empty: ${field.blankMeans}` : 'empty' }];
    for (const choice of field.choices) options.push(choice);
    if (!options.some((option) => option.value === field.value)) {
      options.push({ value: field.value, label: 'not an allowed value' });
    }
    for (const option of options) {
      const item = document.createElement('option');
      item.value = option.value;
      item.textContent = option.value === '' ? `(${option.label})` : `${option.value} — ${option.label}`;
      control.append(item);
    }
    control.value = field.value;
    return control;
  }

  function input(field, suggestions) {
    const control = document.createElement('input');
    control.type = field.secret ? 'password' : 'text';
    control.autocomplete = 'off';
    control.spellcheck = false;
    control.value = field.value;
    if (field.blankMeans) control.placeholder = field.blankMeans;
    if (suggestions) control.setAttribute('list', suggestions.id);
    return control;
  }

  /** Suggestions only, for a field whose other values may be right (an ID the tenant list does not name yet). */
  function datalist(field, id) {
    if (field.choices.length === 0) return undefined;
    const list = document.createElement('datalist');
    list.id = `${id}-choices`;
    for (const choice of field.choices) {
      const item = document.createElement('option');
      item.value = choice.value;
      item.label = choice.label;
      list.append(item);
    }
    return list;
  }

  function problemList(problems, className) {
    const list = element('ul', className);
    for (const problem of problems) {
      const item = element('li', problem.severity, `${capitalise(problem.severity)}: ${problem.message}`);
      if (problem.code) item.append(element('span', 'code', ` (${problem.code})`));
      list.append(item);
    }
    return list;
  }

  function worst(problems) {
    for (const severity of ['error', 'warning', 'information']) {
      if (problems.some((problem) => problem.severity === severity)) return severity;
    }
    return 'hint';
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fieldOf(node) {
    const value = node && node.dataset ? node.dataset.field : undefined;
    return value === undefined ? undefined : Number(value);
  }

  function selectionOf(node) {
    return typeof node.selectionStart === 'number' ? { start: node.selectionStart, end: node.selectionEnd } : undefined;
  }

  function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
})();
