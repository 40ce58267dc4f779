package com.coditect.workflows.data;

import com.coditect.shared.domain.Choice;
import com.coditect.shared.json.Json;
import com.coditect.shared.json.JsonText;
import com.coditect.workflows.model.ApprovalStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An approval step's approvers as one JSON string attribute: read whole with the step, so that
 * deciding the quorum and expiring the rest is one consistent GetItem, whatever the index says.
 */
final class StepApproversConverter implements AttributeConverter<List<StepApprover>> {

  static final EnhancedType<List<StepApprover>> TYPE = EnhancedType.listOf(StepApprover.class);

  @Override
  public AttributeValue transformFrom(List<StepApprover> approvers) {
    List<Map<String, Object>> written = new ArrayList<>();
    for (StepApprover approver : approvers) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("approval_id", approver.approvalId());
      entry.put("approver_id", approver.approverId());
      entry.put("team_id", approver.teamId());
      entry.put("status", approver.status().apiName());
      entry.put("comment", approver.comment());
      entry.put("decided_at", approver.decidedAt());
      written.add(entry);
    }
    return AttributeValue.fromS(JsonText.write(written));
  }

  @Override
  public List<StepApprover> transformTo(AttributeValue stored) {
    List<StepApprover> approvers = new ArrayList<>();
    for (JsonNode entry : Json.readTree(stored.s())) {
      approvers.add(new StepApprover(entry.path("approval_id").textValue(), entry.path("approver_id").textValue(),
          entry.path("team_id").textValue(),
          Choice.fromApiName(ApprovalStatus.class, entry.path("status").textValue()).orElseThrow(),
          entry.path("comment").textValue(), entry.path("decided_at").textValue()));
    }
    return List.copyOf(approvers);
  }

  @Override
  public EnhancedType<List<StepApprover>> type() {
    return TYPE;
  }

  @Override
  public AttributeValueType attributeValueType() {
    return AttributeValueType.S;
  }
}
