import { expect } from 'chai';
import * as workflow from '../../workflow';

describe('Module: workflow (public exports)', () => {
  it('exposes the builder, the presets and the order workflow', () => {
    expect(Object.keys(workflow).sort()).to.include.members([
      'Workflow',
      'BuiltWorkflow',
      'Retry',
      'StatesErrors',
      'taskFunction',
      'WorkflowDefinitionError',
      'orderProcessing',
      'renderOrderProcessing',
      'placeholderLambdaArn',
      'transientRetry',
    ]);
    expect(workflow.renderOrderProcessing(workflow.placeholderLambdaArn).StartAt).to.equal('ValidateOrder');
  });
});
