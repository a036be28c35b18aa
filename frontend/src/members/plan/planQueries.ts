import { graphql } from '../../gql';

export const PlanMemberQuery = graphql(`
  query PlanMember($id: ID!) {
    member(id: $id) {
      id
      displayName
      aftercarePlans(first: 100) { nodes { id status startsOn reviewOn isReviewDue createdAt activatedAt closedAt } }
    }
  }
`);

export const PlanDetailQuery = graphql(`
  query PlanDetail($id: ID!) {
    aftercarePlan(id: $id) {
      id
      status
      goals(first: 100) { nodes { ...PlanGoalFields } }
      commitments(first: 100) { nodes { ...PlanCommitmentFields } }
      adherence(weeks: 8) {
        commitment { id }
        weeks { weekStartsOn attended target isMet }
      }
    }
  }
`);

export const PlanCheckInsQuery = graphql(`
  query PlanCheckIns($id: ID!, $first: Int!, $after: String) {
    aftercarePlan(id: $id) {
      id
      checkIns(first: $first, after: $after) {
        nodes { id occurredOn isAbstinent craving copingSkills note }
        pageInfo { hasNextPage endCursor }
        totalCount
      }
    }
  }
`);

export const RecoveryCapitalQuery = graphql(`
  query RecoveryCapital($id: ID!) {
    member(id: $id) {
      id
      recoveryCapital(first: 100) { nodes { id total isSustainedRemissionLikely assessedAt } }
    }
  }
`);

export const GroupPickerQuery = graphql(`
  query GroupPicker {
    groups(first: 100) { nodes { id name } }
  }
`);

export const HousePickerQuery = graphql(`
  query HousePicker {
    houses(first: 100) { nodes { id name } }
  }
`);

export const PeerPickerQuery = graphql(`
  query PeerPicker {
    peers(first: 100, filter: { isActive: true }) { nodes { id name } }
  }
`);

export const CreatePlanMutation = graphql(`
  mutation CreateAftercarePlan($input: CreateAftercarePlanInput!) {
    createAftercarePlan(input: $input) {
      aftercarePlan { id status }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const ActivatePlanMutation = graphql(`
  mutation ActivateAftercarePlan($input: ActivateAftercarePlanInput!) {
    activateAftercarePlan(input: $input) {
      aftercarePlan { id status activatedAt }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const CompletePlanMutation = graphql(`
  mutation CompleteAftercarePlan($input: CompleteAftercarePlanInput!) {
    completeAftercarePlan(input: $input) {
      aftercarePlan { id status closedAt }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const AddGoalMutation = graphql(`
  mutation AddAftercareGoal($input: AddAftercareGoalInput!) {
    addAftercareGoal(input: $input) {
      aftercareGoal { ...PlanGoalFields }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const UpdateGoalMutation = graphql(`
  mutation UpdateAftercareGoal($input: UpdateAftercareGoalInput!) {
    updateAftercareGoal(input: $input) {
      aftercareGoal { ...PlanGoalFields }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const AddCommitmentMutation = graphql(`
  mutation AddAftercareCommitment($input: AddAftercareCommitmentInput!) {
    addAftercareCommitment(input: $input) {
      aftercareCommitment { ...PlanCommitmentFields }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const RemoveCommitmentMutation = graphql(`
  mutation RemoveAftercareCommitment($input: RemoveAftercareCommitmentInput!) {
    removeAftercareCommitment(input: $input) {
      aftercareCommitment { id removedAt }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const RecordCheckInMutation = graphql(`
  mutation PlanRecordCheckIn($input: RecordCheckInInput!) {
    recordCheckIn(input: $input) {
      checkIn { id occurredOn isAbstinent craving }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const RecordRecoveryCapitalMutation = graphql(`
  mutation RecordRecoveryCapital($input: RecordRecoveryCapitalInput!) {
    recordRecoveryCapital(input: $input) {
      recoveryCapitalAssessment { id total isSustainedRemissionLikely assessedAt }
      userErrors { ...UserErrorFields }
    }
  }
`);
