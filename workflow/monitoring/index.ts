/** The order workflow's monitoring, as pure data: metrics, dashboard, alarms. */
export * from './metrics';
export * from './dashboard';
export * from './alarms';
