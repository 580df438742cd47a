import type { ChoiceExpression } from '../asl';
import type { Analysis, Scope } from './diagnostics';
import type { StateNode } from './graph';

/**
 * Renders an analysed graph as a Mermaid flowchart: Tasks as boxes (with their function),
 * Choices as diamonds labelled with their rules, Parallel and Map states as subgraphs, Catch
 * transitions dotted, Succeed and Fail as stadiums.
 */
export function renderMermaid(analysis: Analysis, start: StateNode): string {
  const lines = ['flowchart TD'];
  const edges: string[] = [];
  const name = (n: StateNode): string => (analysis.resolve(n) ?? n).name;
  const root = analysis.scopes.get(analysis.resolve(start) ?? start) as Scope;
  lines.push('  _start((start))');
  edges.push(`  _start --> ${id(root.start.name)}`);
  drawScope(root, '  ');
  lines.push(...edges);
  lines.push('  classDef fail fill:#fdd,stroke:#c33', '  classDef succeed fill:#dfd,stroke:#3a3');
  return lines.join('\n') + '\n';

  function drawScope(scope: Scope, indent: string): void {
    for (const node of scope.states) {
      drawNode(node, indent);
      if (node.next !== undefined) edges.push(`  ${id(node.name)} --> ${id(name(node.next))}`);
      for (const choice of node.choices) {
        edges.push(`  ${id(node.name)} -- ${label(describe(choice.expression))} --> ${id(name(choice.target))}`);
      }
      if (node.default !== undefined) edges.push(`  ${id(node.name)} -- otherwise --> ${id(name(node.default))}`);
      for (const c of node.catchers) {
        edges.push(`  ${id(node.name)} -. ${label(c.errors.join(', '))} .-> ${id(name(c.target))}`);
      }
    }
  }

  function drawNode(node: StateNode, indent: string): void {
    const text = `"${escape(node.name)}${node.taskFunction !== undefined ? `<br/><i>${escape(node.taskFunction)}</i>` : ''}"`;
    switch (node.kind) {
      case 'Parallel':
      case 'Map': {
        lines.push(`${indent}subgraph ${id(node.name)} [${label(`${node.name} (${node.kind})`)}]`, `${indent}  direction TB`);
        node.branches.forEach((branch, index) => {
          const scope = analysis.scopes.get(analysis.resolve(branch) ?? branch) as Scope;
          const title = node.kind === 'Map' ? 'item processor' : `branch ${index + 1}`;
          lines.push(`${indent}  subgraph ${id(node.name)}_${index} [${label(title)}]`);
          drawScope(scope, `${indent}    `);
          lines.push(`${indent}  end`);
        });
        lines.push(`${indent}end`);
        return;
      }
      case 'Choice':
        lines.push(`${indent}${id(node.name)}{${text}}`);
        return;
      case 'Succeed':
        lines.push(`${indent}${id(node.name)}([${text}]):::succeed`);
        return;
      case 'Fail':
        lines.push(`${indent}${id(node.name)}([${text}]):::fail`);
        return;
      case 'Pass':
        lines.push(`${indent}${id(node.name)}[/${text}/]`);
        return;
      case 'Wait':
        lines.push(`${indent}${id(node.name)}{{${text}}}`);
        return;
      default:
        lines.push(`${indent}${id(node.name)}[${text}]`);
    }
  }
}

/** A Mermaid-safe node id (`end` is a Mermaid keyword). */
function id(stateName: string): string {
  const safe = stateName.replace(/[^A-Za-z0-9_]/g, '_');
  return safe.toLowerCase() === 'end' ? `${safe}_` : safe;
}

/** Text made safe inside a quoted Mermaid label. */
function escape(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/** A quoted Mermaid label from plain text. */
function label(text: string): string {
  return `"${escape(text)}"`;
}

const SYMBOLS: Record<string, string> = {
  Equals: '==',
  LessThan: '<',
  GreaterThan: '>',
  LessThanEquals: '<=',
  GreaterThanEquals: '>=',
  Matches: 'matches',
};

/** A short text for a Choice rule: `results.status == 'OK' and not (total > 1)`. */
export function describe(expression: ChoiceExpression): string {
  if (expression.And !== undefined) return expression.And.map((e) => wrap(e)).join(' and ');
  if (expression.Or !== undefined) return expression.Or.map((e) => wrap(e)).join(' or ');
  if (expression.Not !== undefined) return `not ${wrap(expression.Not)}`;
  const { Variable, ...test } = expression as { Variable: string } & Record<string, unknown>;
  const [op, operand] = Object.entries(test).find(([key]) => key !== 'Comment' && key !== 'Next') ?? ['', ''];
  const variable = shortPath(Variable);
  const isTest = /^Is(\w+)$/.exec(op);
  if (isTest) return `${variable} ${operand === true ? 'is' : 'is not'} ${(isTest[1] as string).toLowerCase()}`;
  const match = /^(String|Numeric|Boolean|Timestamp)(Equals|LessThanEquals|GreaterThanEquals|LessThan|GreaterThan|Matches)(Path)?$/.exec(op);
  const symbol = match ? (SYMBOLS[match[2] as string] as string) : op;
  const value = match?.[3] ? shortPath(String(operand)) : typeof operand === 'string' ? `'${operand}'` : String(operand);
  return `${variable} ${symbol} ${value}`;
}

/** `$.a.b` reads as `a.b` in a label. */
function shortPath(path: string): string {
  return path.startsWith('$.') ? path.slice(2) : path;
}

function wrap(expression: ChoiceExpression): string {
  const text = describe(expression);
  return expression.Variable === undefined ? `(${text})` : text;
}
