import type { State } from './states';

interface DefinitionFields {
  Comment?: string;
  StartAt: string;
  TimeoutSeconds?: number;
  Version?: '1.0';
}

/** A definition in JSONPath (the default): its states may still opt into JSONata one by one. */
export type JsonPathStateMachineDefinition = DefinitionFields & {
  QueryLanguage?: 'JSONPath';
  States: { [name: string]: State<'JSONPath'> };
};

/** A definition in JSONata: every state is JSONata. */
export type JsonataStateMachineDefinition = DefinitionFields & {
  QueryLanguage: 'JSONata';
  States: { [name: string]: State<'JSONata'> };
};

/** A complete ASL definition: the JSON handed to Step Functions. */
export type StateMachineDefinition = JsonPathStateMachineDefinition | JsonataStateMachineDefinition;
