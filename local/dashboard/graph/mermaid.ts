/**
 * Draws an ASL definition as a Mermaid flowchart, each state coloured by what happened to it
 * in one execution. Parallel and Map states are subgraphs holding their branches.
 */
import type { StateOutcome } from '../analysis/outcomes';
import type { GraphState, StateGraph, Transition } from './asl';

/** Fill and stroke per outcome; the page's legend uses the same colours. */
export const OUTCOME_STYLES: { readonly [O in StateOutcome]: string } = {
  succeeded: 'fill:#d3f4dc,stroke:#1e8e3e,color:#0b3d1a',
  retried: 'fill:#fff1c2,stroke:#c99400,color:#4a3600',
  caught: 'fill:#ffe0c2,stroke:#d9620b,color:#4a2200',
  failed: 'fill:#fbd3d0,stroke:#c5221f,color:#5c0a08,stroke-width:3px',
  running: 'fill:#d2e3fc,stroke:#1a73e8,color:#0b2a5c',
  cancelled: 'fill:#e8e8e8,stroke:#777,color:#333',
  notReached: 'fill:#f7f7f7,stroke:#bbb,color:#888,stroke-dasharray:4 3',
};

/** The failure point keeps its outcome's fill, with a border that stands out. */
const FAILURE_POINT_STYLE = 'stroke:#c5221f,stroke-width:4px';

const label = (name: string, suffix = ''): string => `"${(name + suffix).replace(/"/g, '#quot;').replace(/[<>]/g, ' ')}"`;

const shape = (id: string, state: GraphState): string => {
  const l = label(state.name);
  switch (state.type) {
    case 'Choice':
      return `${id}{${l}}`;
    case 'Succeed':
    case 'Fail':
      return `${id}([${l}])`;
    case 'Pass':
      return `${id}[/${l}/]`;
    case 'Wait':
      return `${id}[(${l})]`;
    default:
      return `${id}[${l}]`;
  }
};

const arrow = (t: Transition): string => {
  switch (t.kind) {
    case 'catch':
      return '-. catch .->';
    case 'default':
      return '-- default -->';
    default:
      return '-->';
  }
};

/**
 * The Mermaid text of a definition.
 * @param outcomes what happened to each state, by name; states not in it are drawn uncoloured
 * @param failurePoint the state where the execution went wrong, drawn with a thick red border
 */
export function toMermaid(graph: StateGraph, outcomes: ReadonlyMap<string, StateOutcome> = new Map(), failurePoint?: string): string {
  const ids = new Map<string, string>();
  const lines: string[] = ['flowchart TD', '  start_((" "))'];
  const edges: string[] = [];
  const classes: string[] = [];
  const idOf = (name: string): string => {
    let id = ids.get(name);
    if (id === undefined) {
      id = `s${ids.size}`;
      ids.set(name, id);
    }
    return id;
  };

  const draw = (g: StateGraph, indent: string): void => {
    for (const state of g.states) {
      const id = idOf(state.name);
      const outcome = outcomes.get(state.name);
      if (state.children.length > 0) {
        lines.push(`${indent}subgraph ${id} [${label(state.name, ` (${state.type})`)}]`, `${indent}  direction TB`);
        state.children.forEach((child, i) => {
          lines.push(`${indent}  subgraph ${id}_b${i} [${label(state.type === 'Map' ? 'item' : `branch ${i + 1}`)}]`);
          draw(child, `${indent}    `);
          lines.push(`${indent}  end`);
          classes.push(`  style ${id}_b${i} fill:transparent,stroke:#ccc`);
        });
        lines.push(`${indent}end`);
        if (outcome !== undefined) classes.push(`  style ${id} ${OUTCOME_STYLES[outcome]}`);
      } else {
        lines.push(`${indent}${shape(id, state)}`);
        if (outcome !== undefined) classes.push(`  class ${id} ${outcome}`);
      }
      for (const t of state.transitions) edges.push(`  ${id} ${arrow(t)} ${idOf(t.to)}`);
    }
  };

  draw(graph, '  ');
  edges.unshift(`  start_ --> ${idOf(graph.startAt)}`);
  const defs = Object.entries(OUTCOME_STYLES).map(([outcome, style]) => `  classDef ${outcome} ${style}`);
  if (failurePoint !== undefined && ids.has(failurePoint)) classes.push(`  style ${idOf(failurePoint)} ${FAILURE_POINT_STYLE}`);
  return [...lines, ...edges, ...defs, ...classes].join('\n');
}
