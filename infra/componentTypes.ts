/** The type tokens of the stack's components (`<package>:<module>:<type>`). */
export const COMPONENT_TYPES = {
  data: 'order-workflow:infra:OrderData',
  messaging: 'order-workflow:infra:OrderMessaging',
  functions: 'order-workflow:infra:TaskFunctions',
  stateMachine: 'order-workflow:infra:OrderStateMachine',
  api: 'order-workflow:infra:OrderApi',
  monitoring: 'order-workflow:infra:OrderMonitoring',
} as const;
