// helper: handler printing Last errors
$e:=Last errors
ALERT(String($e.length)+" "+String($e[0].errCode)+" "+$e[0].message+" "+$e[0].componentSignature)
